import ArgumentParser
import Foundation
import LedeBuilder

/// Options every command that builds shares.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site folder (default: the current folder).", completion: .directory)
    var site: String = "."

    @Option(name: .long, help: "Where to write the site (default: SITE/Output).", completion: .directory)
    var output: String?

    @Option(
        name: .customLong("base-url"), help: "The URL the site is published at, replacing base_url from the config.")
    var baseURL: String?

    @Flag(name: .long, help: "Build pages marked as drafts.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Minify HTML and CSS.")
    var minify = false

    func buildOptions() -> BuildOptions {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: site, relativeTo: current).standardizedFileURL
        return BuildOptions(
            siteRoot: root, output: output.map { URL(fileURLWithPath: $0, relativeTo: current) }, baseURL: baseURL,
            includeDrafts: drafts, strict: strict, minify: minify)
    }
}
