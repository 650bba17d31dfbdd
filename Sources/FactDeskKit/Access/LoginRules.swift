import Foundation

/// How long sessions and lockouts last: the rules every login is held to.
public enum LoginRules {
    /// A session unused this long ends.
    public static let idleTimeout: TimeInterval = 12 * 3_600
    /// A session ends this long after the login, used or not.
    public static let absoluteTimeout: TimeInterval = 7 * 86_400
    /// Failed logins counted for one handle or one address...
    public static let failureLimit = 5
    /// ...within this window...
    public static let failureWindow: TimeInterval = 15 * 60
    /// ...lock further attempts for this long.
    public static let lockout: TimeInterval = 15 * 60
    /// A session's last use is written at most this often, so that reading pages
    /// does not turn every request into a write.
    public static let touchInterval: TimeInterval = 60

    /// Whether a session that began at `created` and was last used at `lastSeen` is still open.
    public static func isOpen(created: Date, lastSeen: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeen) < idleTimeout && now.timeIntervalSince(created) < absoluteTimeout
    }

    /// When a token given `--expires` as `30d`, `12h`, `2w` (or `never`) stops working.
    public static func tokenExpiry(_ text: String, now: Date) throws(DeskError) -> Date? {
        if text == "never" { return nil }
        let units: [Character: Double] = ["h": 3_600, "d": 86_400, "w": 604_800]
        guard let unit = text.last, let seconds = units[unit], let count = Int(text.dropLast()),
              count > 0, count <= 3_650 else {
            throw .invalidValue("'\(text)' is not a lifetime; write a count and h, d or w (12h, 30d, 2w, at most 3650), or never")
        }
        return now.addingTimeInterval(Double(count) * seconds)
    }
}
