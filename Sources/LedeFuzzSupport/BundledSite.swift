public import Foundation
import LedeCore

/// Where the repository's own site is (its root holds `Content/`, `Templates/` and `seeds/`),
/// for targets that fuzz one piece of a real site.
public enum BundledSite {
    /// The site folder: `LEDE_FUZZ_SITE` when set, else the repository this file was compiled
    /// from.
    public static var root: URL {
        if let override = ProcessInfo.processInfo.environment["LEDE_FUZZ_SITE"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        // Sources/LedeFuzzSupport/BundledSite.swift → the repository.
        let repository = PathText.parent(of: PathText.parent(of: PathText.parent(of: #filePath)))
        return URL(fileURLWithPath: repository, isDirectory: true)
    }

    /// Stops the process with a message on standard error: a fuzz target whose setup fails
    /// must not report every input as fine.
    /// - Parameter message: What went wrong.
    public static func setupFailed(_ message: String) -> Never {
        Console.error("fuzz target setup failed: \(message)")
        exit(3)
    }
}
