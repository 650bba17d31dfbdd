import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// The HTTP/1 connection of the desk: Hummingbird's, with the desk's timeouts and a close
/// after any response that says `Connection: close`.
///
/// A client that opens connections and sends nothing, or sends a request head a byte at a
/// time, would otherwise hold a socket for as long as it likes.
struct DeskHTTPChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http: HTTP1Channel
    let limits: ConnectionLimits

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits) {
        self.http = HTTP1Channel(responder: responder)
        self.limits = limits
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = self.limits
        return http.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let watch = ConnectionWatch(channel: channel, limits: limits)
            try operations.addHandler(ByteWatch(watch), position: .first)
            let state = try operations.handler(type: HTTPConnectionStateHandler.self)
            try operations.addHandler(MessageWatch(watch), position: .before(state))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http.handle(value: value, logger: logger)
    }
}

/// How long a connection may take to send a request head, and how long it may stay silent.
struct ConnectionLimits: Sendable, Equatable {
    /// From a new connection, or from the first byte of a later request, to the head's end.
    var headerTimeout: Duration
    /// Silence allowed between two requests, and between two reads of a request's body.
    var idleTimeout: Duration
    /// How long a connection told to close still reads (and drops) what the client sends,
    /// so that the response is not lost to a reset.
    var linger: Duration

    init(headerTimeout: Duration, idleTimeout: Duration, linger: Duration = .seconds(2)) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.linger = linger
    }
}

/// One connection's clock: where it is in its request and when it must have moved on.
///
/// Lives on its channel's event loop; the two handlers below feed it.
final class ConnectionWatch {
    /// Where the connection's current request stands.
    enum Phase {
        /// No byte of a next request yet, since then; `fresh` on a new connection.
        case waiting(since: NIODeadline, fresh: Bool)
        /// Bytes of a head have come, the first at `since`.
        case head(since: NIODeadline)
        /// The head is read; the body's last bytes came at `since`.
        case body(since: NIODeadline)
        /// The request is read; the desk is answering it.
        case answering
        /// The response said `Connection: close`: its output is shut, since then.
        case closing(since: NIODeadline)
    }

    private let channel: any Channel
    private let limits: ConnectionLimits
    private var phase: Phase = .waiting(since: .now(), fresh: true)
    /// Whether a request's head has been read and its response not yet written in full.
    private var answerPending = false
    private var timer: (task: Scheduled<Void>, at: NIODeadline)?

    init(channel: any Channel, limits: ConnectionLimits) {
        self.channel = channel
        self.limits = limits
    }

    /// When the connection is closed unless it moves on first.
    private var deadline: NIODeadline? {
        switch phase {
        case let .waiting(since, fresh): since + .init(fresh ? limits.headerTimeout : limits.idleTimeout)
        case let .head(since): since + .init(limits.headerTimeout)
        case let .body(since): since + .init(limits.idleTimeout)
        case .answering: nil
        case let .closing(since): since + .init(limits.linger)
        }
    }

    func started() {
        phase = .waiting(since: .now(), fresh: true)
        arm()
    }

    func bytesRead() {
        switch phase {
        case .waiting: phase = .head(since: .now())
        case .body: phase = .body(since: .now())
        case .head, .answering, .closing: return
        }
        arm()
    }

    func headRead() {
        answerPending = true
        if case .closing = phase { return }
        phase = .body(since: .now())
        arm()
    }

    /// A request's end is read: the desk answers it, or has already answered it.
    func requestRead() {
        guard case .body = phase else { return }
        phase = answerPending ? .answering : .waiting(since: .now(), fresh: false)
        arm()
    }

    /// A response has been written in full; the connection waits for the next request.
    func responseWritten() {
        answerPending = false
        if case .answering = phase { phase = .waiting(since: .now(), fresh: false) }
        arm()
    }

    /// Shuts the output after a response that said `Connection: close`, and closes the
    /// connection once the client has finished sending or the linger is over.
    func closeAfterResponse() {
        phase = .closing(since: .now())
        channel.close(mode: .output, promise: nil)
        arm()
    }

    func inputEnded() {
        if case .closing = phase { channel.close(promise: nil) }
    }

    func stopped() {
        timer?.task.cancel()
        timer = nil
    }

    /// Makes sure a check runs by the deadline, moving an earlier one forward when needed.
    private func arm() {
        guard let deadline else { return }
        if let timer {
            if timer.at <= deadline { return }
            timer.task.cancel()
        }
        let task = channel.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timer = nil
            guard let due = self.deadline else { return }
            if due <= .now() {
                channel.close(promise: nil)
            } else {
                arm()
            }
        }
        timer = (task, deadline)
    }
}

/// Sees the raw bytes, to tell a connection that has started a request from an idle one.
final class ByteWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let watch: ConnectionWatch

    init(_ watch: ConnectionWatch) {
        self.watch = watch
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { watch.started() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        watch.stopped()
    }

    func channelActive(context: ChannelHandlerContext) {
        watch.started()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        watch.stopped()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        watch.bytesRead()
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .some(.inputClosed) = event as? ChannelEvent { watch.inputEnded() }
        context.fireUserInboundEventTriggered(event)
    }
}

/// Sees requests and responses: when a head and a request end are read, and when a
/// response is written in full.
final class MessageWatch: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let watch: ConnectionWatch
    private var closeAfterResponse = false

    init(_ watch: ConnectionWatch) {
        self.watch = watch
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: watch.headRead()
        case .body: break
        case .end: watch.requestRead()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case let .head(response):
            closeAfterResponse = response.headerFields[.connection]?.lowercased().contains("close") ?? false
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                return watch.responseWritten()
            }
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            let watch = self.watch
            written.futureResult.assumeIsolated().whenComplete { _ in watch.closeAfterResponse() }
        }
    }
}
