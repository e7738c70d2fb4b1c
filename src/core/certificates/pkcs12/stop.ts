// Stopping an open: the user's Cancel, a closed window or quit, or the deadline.

/** The open was stopped: cancelled by the user (or a closed window, or quit), or past its deadline. */
export class OpenStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'deadline') {
    super(reason === 'cancelled' ? 'The open was cancelled' : 'The open ran past its deadline');
    this.name = 'OpenStopped';
  }
}

/** The reason a signal was aborted, as OpenStopped. */
export function stopReason(signal: AbortSignal): OpenStopped {
  const reason: unknown = signal.reason;
  if (reason instanceof OpenStopped) return reason;
  return new OpenStopped(reason instanceof DOMException && reason.name === 'TimeoutError' ? 'deadline' : 'cancelled');
}

/** Throw OpenStopped when the signal is aborted. */
export function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw stopReason(signal);
}
