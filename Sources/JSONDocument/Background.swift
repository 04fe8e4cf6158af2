import Dispatch

/// Work started on another thread; `value` waits for it. For the few places where two pieces of
/// work on one large file can overlap: hashing it while it is parsed, reading the file on disk
/// while the new one is written. Visible to this package's modules only, not to library users.
package final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.group.leave()
        }
    }

    /// The work's result, once it is done.
    package var value: Value {
        group.wait()
        guard let result else { preconditionFailure("background work finished without a result") }
        return result
    }
}
