import Foundation
import LedeCore
import LedeTemplates
import Testing

/// Writes `files` (path relative to a `Templates` folder → text) into a fresh temporary
/// folder and loads them with the display root `Templates`.
func library(_ files: [String: String]) throws -> TemplateLibrary {
    try library(bytes: files.mapValues { Data($0.utf8) })
}

/// Writes `files` (path relative to a `Templates` folder → bytes) into a fresh temporary
/// folder and loads them with the display root `Templates`.
func library(bytes files: [String: Data]) throws -> TemplateLibrary {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("LedeTemplatesTests-\(UUID().uuidString)")
        .appendingPathComponent("Templates")
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url)
    }
    return try TemplateLibrary.load(from: root, displayRoot: "Templates")
}

/// The full text of the diagnostics `body` throws, or `nil` when it does not throw one.
func errorText(_ body: () throws -> some Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as DiagnosticError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}
