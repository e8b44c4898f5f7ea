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
            report) with seeds/example.yaml (its title and description), a .gitignore (Output/ and \
            Lede's spare folder) and the default theme (Templates/ and Public/) into DIR, which must be new \
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
        Console.info(Self.firstSteps(folder: folder))
    }

    /// What to do first in a new site, printed once it is written.
    static func firstSteps(folder: String) -> String {
        """
        Created a new explainer in \(folder). First steps:
          1. Put the source report in \(folder)/seeds/ as NAME.txt (one paragraph per line), and delete
             seeds/example.txt and seeds/example.yaml.
          2. Edit Content/_site.yaml: title, base_url, author, publisher, report_error_url.
          3. Preview: cd \(folder) && lede serve, then open the address it prints. Every save rebuilds.
          4. Replace the placeholder pages in Content/, citing the report as [¶1](seed:p1).
             lede check lists what is left to fix.
          5. Before publishing, run lede accept and commit seeds/NAME.lock with the content: it records
             the text each citation was checked against, so a revised report can be compared with it.
        """
    }
}
