import Foundation
import LedeContent
import LedeCore

extension BuildOptions {
    /// Checks what no edit of the site can fix, before any build: a `--base-url` that is not an
    /// absolute http(s) URL, and an output folder that the build would refuse (see
    /// `OutputGuard`). `lede serve` exits on them, as `lede build` does, instead of serving
    /// a site that can never build.
    /// - Throws: ``DiagnosticError`` with the problem, worded as the build words it.
    public func checkBeforeBuilding() throws {
        if let baseURL { _ = try SiteConfig.parts(ofBaseURLOption: baseURL) }
        try OutputGuard.check(output: output.standardizedFileURL.path, siteRoot: siteRoot.path, force: force)
    }
}
