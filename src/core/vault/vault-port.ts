/** The OS keychain seam: Electron `safeStorage` in the app, a test double elsewhere. */
export interface VaultPort {
  /** Backend name: `keychain` (macOS), `dpapi` (Windows), `gnome_libsecret`, `kwallet5`, `basic_text`, `test-double`… */
  backend(): string;
  /** False when the OS offers no encryption at all. */
  isEncryptionAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}
