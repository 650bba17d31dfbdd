import Foundation

/// How the desk looks to each reviewer (their language and digits) and to all (the month
/// names of its dates).
///
/// These are not events: they change no claim, right or rule, only the words and numbers
/// around them, so they are kept beside the reviewer and never enter the signed history.
public struct InterfacePreferences: DeskUseCase {
    let context: DeskContext

    /// The desk's month names when no editor chose: the Levantine ones.
    public static let defaultMonths = MonthNames.levantine

    /// A reviewer's interface, the default one (English, Western digits) if they chose none.
    public func setting(of handle: String) async throws -> InterfaceSetting {
        try await storage.reading { tx in try await tx.interfaceSetting(handle) } ?? InterfaceSetting()
    }

    /// The localizer of a reviewer (nil: of someone not logged in, speaking `language`),
    /// read in one transaction with the desk's month names.
    public func localizer(for handle: String?, otherwise language: InterfaceLanguage) async throws -> Localizer {
        let (setting, months) = try await storage.reading { tx -> (InterfaceSetting?, String?) in
            (try await handle.asyncMap { try await tx.interfaceSetting($0) } ?? nil, try await tx.deskSetting("months"))
        }
        return Localizer(setting?.language ?? language, digits: setting?.digits ?? .western,
                         months: months.flatMap(MonthNames.init(rawValue:)) ?? Self.defaultMonths)
    }

    /// Sets a reviewer's own interface: each part left as it is when nil. Only the reviewer
    /// chooses how the desk looks to them.
    @discardableResult
    public func set(language: InterfaceLanguage? = nil, digits: DigitStyle? = nil, by handle: String) async throws -> InterfaceSetting {
        try await storage.writing { tx in
            _ = try await tx.activeReviewer(handle)
            var setting = try await tx.interfaceSetting(handle) ?? InterfaceSetting()
            if let language { setting.language = language }
            if let digits { setting.digits = digits }
            try await tx.save(setting, of: handle)
            return setting
        }
    }

    /// The desk's month names.
    public func months() async throws -> MonthNames {
        try await storage.reading { tx in try await tx.deskSetting("months") }.flatMap(MonthNames.init(rawValue:))
            ?? Self.defaultMonths
    }

    /// Sets the desk's month names, for everyone's Arabic dates (editors only).
    public func setMonths(_ months: MonthNames, by actor: String) async throws {
        try await storage.writing { tx in
            _ = try await tx.activeEditor(actor, doing: "set the desk's month names")
            try await tx.setDeskSetting("months", to: months.rawValue)
        }
    }
}
