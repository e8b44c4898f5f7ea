import ArgumentParser
import Foundation
import LedeBuilder

/// What the options of ``SiteOptions`` mean for one command: `--output`, `--strict` and
/// `--force` do different things (or nothing) in `build`, `serve` and `check`, and each
/// command's `--help` says what they do there.
protocol SiteOptionsWording {
    /// The help of `--output`.
    static var output: String { get }
    /// The help of `--strict`.
    static var strict: String { get }
    /// The help of `--force`.
    static var force: String { get }
}

extension SiteOptionsWording {
    static var strict: String { "Treat warnings as errors." }
    static var force: String {
        """
        Let the build replace an existing output folder that Lede did not make. The site \
        folder, its sources, its parents and the home folder are refused even so.
        """
    }
}

/// Options every command that builds shares, with the help of `Wording`.
struct SiteOptions<Wording: SiteOptionsWording>: ParsableArguments {
    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp(Wording.output), completion: .directory)
    var output: String?

    @Option(
        name: .customLong("base-url"), help: "The URL the site is published at, replacing base_url from the config.")
    var baseURL: String?

    @Flag(name: .long, help: "Build pages marked as drafts.")
    var drafts = false

    @Flag(name: .long, help: ArgumentHelp(Wording.strict))
    var strict = false

    @Flag(name: .long, help: "Minify HTML and CSS.")
    var minify = false

    @Flag(name: .long, help: ArgumentHelp(Wording.force))
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

extension BuildCommand: SiteOptionsWording {
    static let output = """
        Where to write the site (default: SITE/Output): a new or empty folder, or one Lede \
        made (see --force). It is replaced only when the whole build succeeds.
        """
}

extension ServeCommand: SiteOptionsWording {
    static let output = """
        Build the preview into this folder, and keep it, instead of a temporary folder removed \
        on exit; Output/ is written only when named here.
        """
}

extension CheckCommand: SiteOptionsWording {
    static let output = "Ignored: check builds into a temporary folder, which it removes."
    static let strict = "Ignored: check always treats warnings as errors."
    static let force = "Ignored: check writes only to its temporary folder."
}
