import FactDeskKit
import Foundation

extension Localizer {
    func timeHTML(_ date: Date, now: Date) -> String { HTMLText.escaped(ISO8601.string(from: date)) }
    func dateTime(_ date: Date) -> String { ISO8601.string(from: date) }
    func date(_ date: Date) -> String { ISO8601.string(from: date) }
}

extension WorkflowState {
    func label(in language: InterfaceLanguage) -> String { name }
    func summary(in language: InterfaceLanguage) -> String? { summary }
}

extension Transition {
    func label(in language: InterfaceLanguage) -> String { name }
    func summary(in language: InterfaceLanguage) -> String? { summary }
}

extension Workflow {
    func label(in language: InterfaceLanguage) -> String { name }
    func summary(in language: InterfaceLanguage) -> String? { summary }
}

extension ArticleReport {
    func render(language: InterfaceLanguage?) throws -> String { try render() }
}
