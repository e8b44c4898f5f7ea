import ArgumentParser
import Foundation
import LedeCore

/// `lede new DIR`: writes a placeholder explainer with the default theme.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new explainer site.",
        discussion: """
            Writes Content/ (an overview, a timeline with one event, a glossary with one term, \
            sourcing notes, updates, an about page), seeds/example.txt (a placeholder source \
            report) and the default theme (Templates/ and Public/) into DIR, which must be new \
            or empty. The result builds and passes lede check as it is.
            """
    )

    @Argument(help: "The folder to create.", completion: .directory)
    var folder: String

    func run() async throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let destination = URL(fileURLWithPath: folder, relativeTo: current).standardizedFileURL
        do {
            try Scaffold.write(to: destination)
        } catch {
            Console.error(Diagnostic(at: nil, "cannot create a site in \(folder)", causes: ["\(error)"]).description)
            throw ExitCode.failure
        }
        Console.info("Created a new explainer in \(folder). Next: lede build \(folder)")
    }
}
