import Glibc

/// A thread of its own for long, blocking work (a pipe feeder, a scanning worker).
///
/// Dispatch's global queues are sized to the processor count and add a thread only after
/// about a second of starvation, so work that blocks on pipes or queues must not wait there:
/// a feeder and two workers on a two-processor machine would stall for that second.
public final class DedicatedThread: Sendable {
    private let thread: pthread_t

    /// Starts `body` on a new thread.
    public init(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
                body.run()
                return nil
            }, box)
        precondition(result == 0, "pthread_create failed: \(SystemError(code: result))")
        self.thread = thread
    }

    /// Waits for the thread to end. Call it exactly once.
    public func join() {
        pthread_join(thread, nil)
    }

    private final class Body: Sendable {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }
}
