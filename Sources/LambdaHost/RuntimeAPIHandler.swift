import NIOCore
import NIOHTTP1

/// One connection of the function's runtime to the Runtime API: reads each request whole (up to
/// the answer limit), routes it, and writes the answer.
final class RuntimeAPIHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: HostState
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyBytes = 0

    private static let prefix = "/2018-06-01/runtime/"

    init(state: HostState) { self.state = state }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            bodyBytes = 0
            // curl asks before sending a large body; without an answer it waits a second.
            if head.headers["Expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
        case .body(var buffer):
            bodyBytes += buffer.readableBytes
            // Past the limit the bytes are counted, not kept.
            if bodyBytes <= state.answerLimit, let bytes = buffer.readBytes(length: buffer.readableBytes) {
                body += bytes
            }
        case .end:
            guard let head else { return }
            self.head = nil
            route(head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.connectionClosed(ObjectIdentifier(self))
        context.fireChannelInactive()
    }

    private func route(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let parts = path.hasPrefix(Self.prefix) ? path.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init) : []
        switch (head.method, parts.count, parts.first, parts.last) {
        case (.GET, 2, "invocation", "next"):
            waitForEvent(head, context: context)
        case (.POST, 3, "invocation", "response"):
            answer(head, id: parts[1], context: context)
        case (.POST, 3, "invocation", "error"):
            let id = parts[1]
            guard state.isOpen(id) else { return rejectUnknown(id, head: head, context: context) }
            let error = FunctionError(body: body, typeHeader: head.headers.first(name: "Lambda-Runtime-Function-Error-Type"))
            state.finish(id: id, with: .functionError(error))
            write(head, status: .accepted, body: #"{"status":"OK"}"#, context: context)
        case (.POST, 2, "init", "error"):
            let error = FunctionError(body: body, typeHeader: head.headers.first(name: "Lambda-Runtime-Function-Error-Type"))
            state.initFailed(error)
            write(head, status: .accepted, body: #"{"status":"OK"}"#, context: context)
        default:
            state.note("\(head.method.rawValue) \(head.uri): unknown path, answered 404")
            write(head, status: .notFound,
                  body: #"{"errorMessage":"unknown path","errorType":"NotFound"}"#, context: context)
        }
    }

    private func answer(_ head: HTTPRequestHead, id: String, context: ChannelHandlerContext) {
        guard state.isOpen(id) else { return rejectUnknown(id, head: head, context: context) }
        if bodyBytes > state.answerLimit {
            state.finish(id: id, with: .answerTooLarge(bytes: bodyBytes, limit: state.answerLimit))
            write(head, status: .payloadTooLarge,
                  body: #"{"errorMessage":"the answer is larger than the limit","errorType":"RequestEntityTooLarge"}"#,
                  context: context)
            return
        }
        state.finish(id: id, with: .answered(body))
        write(head, status: .accepted, body: #"{"status":"OK"}"#, context: context)
    }

    private func rejectUnknown(_ id: String, head: HTTPRequestHead, context: ChannelHandlerContext) {
        state.note("\(head.method.rawValue) \(head.uri): no open request has this id, answered 400")
        write(head, status: .badRequest,
              body: #"{"errorMessage":"no open invocation has this request id","errorType":"InvalidRequestID"}"#, context: context)
    }

    private func waitForEvent(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        let keepAlive = head.isKeepAlive
        let version = head.version
        let waiter = HostState.Waiter(
            connection: ObjectIdentifier(self),
            respond: { offer in
                bound.eventLoop.execute {
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Type", value: "application/json")
                    headers.add(name: "Lambda-Runtime-Aws-Request-Id", value: offer.id)
                    headers.add(name: "Lambda-Runtime-Deadline-Ms", value: String(offer.deadlineMs))
                    headers.add(name: "Lambda-Runtime-Invoked-Function-Arn", value: offer.functionARN)
                    headers.add(name: "Lambda-Runtime-Trace-Id", value: "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0")
                    bound.value.handler.send(status: .ok, headers: headers, body: offer.event, version: version,
                                             keepAlive: keepAlive, context: bound.value.context)
                }
            },
            close: {
                bound.eventLoop.execute { bound.value.context.close(promise: nil) }
            })
        state.next(waiter)
    }

    private func write(_ head: HTTPRequestHead, status: HTTPResponseStatus, body: String, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        send(status: status, headers: headers, body: Array(body.utf8), version: head.version, keepAlive: head.isKeepAlive, context: context)
    }

    private func send(status: HTTPResponseStatus, headers: HTTPHeaders, body: [UInt8], version: HTTPVersion,
                      keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = headers
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let closing = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in closing.value.close(promise: nil) }
        }
    }
}
