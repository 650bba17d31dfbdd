import FactDeskKit
import Hummingbird
import NIOCore

/// Who is asking: the reviewer a session cookie or an API token stands for.
struct Viewer: Sendable {
    var reviewer: Reviewer
    /// The session's CSRF token; nil for an API token, which no browser sends by itself.
    var csrf: String?
    /// How many of their inbox's items they have not read: the header's count.
    var unread = 0
    /// Their interface: their language, digits, and the desk's month names.
    var l = Localizer.english

    var handle: String { reviewer.handle }
    var isEditor: Bool { reviewer.role == .editor }
}

/// The request's context: the viewer once known, and the address the request came from.
struct DeskContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var viewer: Viewer?
    /// The peer's address, as the socket tells it.
    let peer: String
    /// The session cookie's secret, for logout.
    var sessionSecret: String?
    /// The interface of whoever asks: the viewer's own, else the language their browser
    /// or the language switch chose.
    var localizer = Localizer.english

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// The viewer, or a refusal that asks to log in.
    func requireViewer() throws -> Viewer {
        guard let viewer else { throw AccessError.notLoggedIn }
        return viewer
    }
}
