import ArgumentParser
import Foundation
import LedeBuilder

/// Options every command that builds shares.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(
        name: .long,
        help: """
            Where to write the site. build: SITE/Output by default. serve: a temporary folder, \
            removed on exit, by default (Output/ only when named here). check: ignored (it \
            builds into a temporary folder).
            """, completion: .directory)
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

    @Flag(
        name: .long,
        help: """
            Let the build replace an existing output folder that Lede did not make. The site \
            folder, its sources, its parents and the home folder are refused even so.
            """)
    var force = false

    func validate() throws {
        if site.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the site folder is an empty string (leave it out to build the current folder)")
        }
        if let output, output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(
                "--output is an empty string (is a shell variable unset?); leave it out to write to SITE/Output")
        }
    }

    func buildOptions() -> BuildOptions {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: site, relativeTo: current).standardizedFileURL
        var options = BuildOptions(
            siteRoot: root, output: output.map { URL(fileURLWithPath: $0, relativeTo: current) }, baseURL: baseURL,
            includeDrafts: drafts, strict: strict, minify: minify)
        options.force = force
        return options
    }
}
