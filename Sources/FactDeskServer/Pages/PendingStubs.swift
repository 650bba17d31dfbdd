import FactDeskKit
import Foundation

extension ArticleReport {
    func render(language: InterfaceLanguage?) throws -> String { try render() }
}
