import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Plays Lambda's part for one function on this machine: serves the Lambda Runtime API
/// (2018-06-01) on 127.0.0.1, starts the function's command with `AWS_LAMBDA_RUNTIME_API` pointing
/// at it, and hands it events one at a time.
///
/// The process stays warm between events, as in Lambda, unless `coldStarts` is set. `invoke` blocks
/// the calling thread until the function answers, fails, exits or runs out of time; the server and
/// the process are served by their own threads. Call `shutdown()` when done.
public final class LambdaHost: @unchecked Sendable {
    /// The configuration the host was made with.
    public let configuration: FunctionConfiguration
    private let group: MultiThreadedEventLoopGroup
    private var channel: Channel?
    let state: HostState
    private let lock = NIOLock()
    private var process: FunctionProcess?
    private var processRegion: String?
    private var address = ""

    /// A host for one function; nothing runs until `start()`.
    public init(_ configuration: FunctionConfiguration) {
        self.configuration = configuration
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.state = HostState(answerLimit: configuration.answerLimit)
    }

    /// Starts listening on 127.0.0.1 (the configured port, or a free one) and returns the address
    /// in the `host:port` form of `AWS_LAMBDA_RUNTIME_API`.
    @discardableResult
    public func start() throws(HostError) -> String {
        let state = self.state
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 16)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RuntimeAPIHandler(state: state))
                }
            }
        do {
            let channel = try bootstrap.bind(host: "127.0.0.1", port: configuration.port).wait()
            self.channel = channel
            let port = channel.localAddress?.port ?? configuration.port
            address = "127.0.0.1:\(port)"
            return address
        } catch {
            let reason: String
            if let socketError = error as? IOError, socketError.errnoCode == EADDRINUSE {
                reason = "the address is already in use (another program listens there; leave out --port to take a free one)"
            } else {
                reason = "\(error)"
            }
            throw HostError("cannot listen on 127.0.0.1:\(configuration.port): \(reason)")
        }
    }

    /// The address the function is given (`127.0.0.1:PORT`); empty before `start()`.
    public var runtimeAPIAddress: String { address }

    /// Hands one event to the function and waits for the end of it. The region sets `AWS_REGION`
    /// (a warm process started for another region is replaced).
    public func invoke(_ event: [UInt8], region: String?) -> Invocation {
        let region = region ?? "us-east-1"
        let requestID = UUID().uuidString.lowercased()
        let started = DispatchTime.now()
        guard channel != nil else {
            return Invocation(requestID: requestID, outcome: .hostFailed(HostError("the host is not listening (start() was not called)")),
                              duration: 0, coldStart: false, output: [], droppedOutputBytes: 0, hostLog: [])
        }
        // A warm process is reused unless it ended, cold starts are asked for, or the region changed.
        var cold = false
        let running: FunctionProcess
        do {
            (running, cold) = try warmProcess(region: region)
        } catch {
            return Invocation(requestID: requestID, outcome: .couldNotStart(error), duration: seconds(since: started),
                              coldStart: true, output: [], droppedOutputBytes: 0, hostLog: [])
        }
        // A new process's output all belongs to this event, even what it wrote before this line; a
        // warm one starts afresh.
        if !cold { running.startEvent() }
        let deadline = Int64(Date().timeIntervalSince1970 * 1000) + Int64(configuration.timeout * 1000)
        let offer = HostState.Offer(
            id: requestID, event: event, deadlineMs: deadline,
            functionARN: configuration.functionARN(region: region))
        let outcome = state.run(offer, timeout: configuration.timeout, process: running)
        // The function's time ends with its outcome, not with the wait for its last output below.
        let duration = seconds(since: started)
        if case .timedOut = outcome { running.killGroup() }
        if configuration.coldStarts { running.killGroup() }
        running.settleOutput()
        let (chunks, dropped) = running.output(since: 0)
        return Invocation(requestID: requestID, outcome: outcome, duration: duration, coldStart: cold,
                          output: chunks, droppedOutputBytes: dropped, hostLog: state.takeLog())
    }

    private func warmProcess(region: String) throws(LaunchError) -> (FunctionProcess, Bool) {
        let reusable = lock.withLock { () -> FunctionProcess? in
            guard let process, process.processEnd == nil, processRegion == region, !configuration.coldStarts else { return nil }
            return process
        }
        if let reusable { return (reusable, false) }
        let old = lock.withLock { () -> FunctionProcess? in
            defer { process = nil }
            return process
        }
        old?.killGroup()
        state.dropWaiters()
        let state = self.state
        let started = try FunctionProcess.start(
            command: configuration.command,
            environment: configuration.processEnvironment(runtimeAPI: address, region: region),
            outputLimit: configuration.outputLimit,
            onEnd: { pid, end in state.processEnded(end, pid: pid) })
        lock.withLock {
            process = started
            processRegion = region
        }
        return (started, true)
    }

    /// Stops the running function and every process it started (a blocked `invoke` then returns);
    /// the server keeps listening, and the next event starts a new process.
    public func stopFunction() {
        let running = lock.withLock { process }
        running?.killGroup(wait: 0)
    }

    /// Stops the function (its whole process group) and the server.
    public func shutdown() {
        let running = lock.withLock { () -> FunctionProcess? in
            defer { process = nil }
            return process
        }
        running?.killGroup()
        state.dropWaiters()
        try? channel?.close().wait()
        channel = nil
        try? group.syncShutdownGracefully()
    }

    private func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// The host's shared state: the event on offer, the requests waiting for one, and how the current
/// invocation ends. Used by the server's thread, the process watcher and the caller of `invoke`.
final class HostState: @unchecked Sendable {
    /// An event offered to the function.
    struct Offer: Sendable {
        let id: String
        let event: [UInt8]
        let deadlineMs: Int64
        let functionARN: String
    }

    /// A `/next` request that waits for an event; `respond` writes the event to its connection,
    /// `close` drops the connection.
    struct Waiter: Sendable {
        let connection: ObjectIdentifier
        let respond: @Sendable (Offer) -> Void
        let close: @Sendable () -> Void
    }

    private let lock = NIOLock()
    private let condition = NSCondition()
    let answerLimit: Int
    private var offer: Offer?
    private var handedOut = false
    private var askedAgain = false
    private var outcome: InvocationOutcome?
    private var waiters: [Waiter] = []
    private var log: [String] = []
    /// An init error posted before the event was offered (a runtime may fail that early).
    private var earlyInitError: FunctionError?
    private weak var process: FunctionProcess?

    init(answerLimit: Int) { self.answerLimit = answerLimit }

    /// Offers an event and blocks until its outcome, or the timeout.
    func run(_ offer: Offer, timeout: Double, process: FunctionProcess) -> InvocationOutcome {
        if let early = lock.withLock({ () -> FunctionError? in
            defer { earlyInitError = nil }
            return earlyInitError
        }) {
            return .initError(early)
        }
        if let end = process.processEnd {
            process.settleOutput()
            return .exited(end, askedForEvent: false, lastErrorLines: process.lastErrorLines(10))
        }
        let waiter: Waiter? = lock.withLock {
            if let early = earlyInitError {
                earlyInitError = nil
                outcome = .initError(early)
                self.offer = offer
                return nil
            }
            self.offer = offer
            self.process = process
            handedOut = false
            askedAgain = false
            outcome = nil
            if let end = process.processEnd {
                outcome = .exited(end, askedForEvent: false, lastErrorLines: process.lastErrorLines(10))
                return nil
            }
            guard !waiters.isEmpty else { return nil }
            handedOut = true
            return waiters.removeFirst()
        }
        waiter?.respond(offer)
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while lock.withLock({ outcome == nil }) {
            if !condition.wait(until: deadline) { break }
        }
        condition.unlock()
        return lock.withLock {
            let result = outcome ?? .timedOut(seconds: timeout, askedForEvent: handedOut, askedAgain: askedAgain)
            self.offer = nil
            outcome = nil
            return result
        }
    }

    /// Ends the current invocation with an outcome, when it is still open and `id` names it.
    @discardableResult
    func finish(id: String?, with result: InvocationOutcome) -> Bool {
        let finished = lock.withLock { () -> Bool in
            guard let offer, outcome == nil, id == nil || id == offer.id else { return false }
            outcome = result
            return true
        }
        if finished {
            condition.lock()
            condition.broadcast()
            condition.unlock()
        }
        return finished
    }

    /// `/init/error`: ends the current invocation, or waits for the next one when none is open yet.
    func initFailed(_ error: FunctionError) {
        let open = lock.withLock { () -> Bool in
            if offer != nil && outcome == nil { return true }
            earlyInitError = error
            return false
        }
        if open, !finish(id: nil, with: .initError(error)) {
            lock.withLock { earlyInitError = error }
        }
    }

    /// A `/next` request: hands out the event on offer, or keeps the request waiting.
    func next(_ waiter: Waiter) {
        let handOut: Offer? = lock.withLock {
            if let offer, outcome == nil, !handedOut {
                handedOut = true
                return offer
            }
            if let offer, handedOut, outcome == nil {
                askedAgain = true
                log.append("GET /2018-06-01/runtime/invocation/next arrived while request \(offer.id) was not answered yet; it waits for the next event, as in Lambda")
            }
            waiters.append(waiter)
            return nil
        }
        if let handOut { waiter.respond(handOut) }
    }

    /// Whether `id` is the request handed out and not yet answered.
    func isOpen(_ id: String) -> Bool {
        lock.withLock { offer?.id == id && handedOut && outcome == nil }
    }

    /// A connection closed: its waiting requests are forgotten.
    func connectionClosed(_ connection: ObjectIdentifier) {
        lock.withLock { waiters.removeAll { $0.connection == connection } }
    }

    /// The process ended: the current invocation (if any) ends with it.
    func processEnded(_ end: ProcessEnd, pid: pid_t) {
        // A process replaced earlier (a cold start, another region) may end late: not this event's.
        guard let (ended, id) = lock.withLock({ () -> (FunctionProcess, String)? in
            guard let process, process.pid == pid, let offer else { return nil }
            return (process, offer.id)
        }) else { return }
        // Its last lines may still be on their way through the pipe.
        ended.settleOutput()
        let lines = ended.lastErrorLines(10)
        let asked = lock.withLock { handedOut }
        finish(id: id, with: .exited(end, askedForEvent: asked, lastErrorLines: lines))
    }

    /// Closes and forgets every waiting request (before a new process starts).
    func dropWaiters() {
        let dropped = lock.withLock { () -> [Waiter] in
            defer { waiters.removeAll() }
            return waiters
        }
        dropped.forEach { $0.close() }
    }

    /// Adds a line to the host's log of the current invocation.
    func note(_ line: String) {
        lock.withLock { log.append(line) }
    }

    /// The log lines since the last call.
    func takeLog() -> [String] {
        lock.withLock {
            defer { log.removeAll() }
            return log
        }
    }
}
