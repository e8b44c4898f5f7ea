import Testing

@testable import LedePreview

/// The live-reload script is JavaScript inside a Swift string: a `\n` written where `\\n` was
/// meant puts a raw line break inside a JavaScript string, a syntax error that disables live
/// reload altogether (Tests/EndToEnd/live_reload_test.py runs it in Chromium).
@Suite struct LiveReloadScriptTests {
    @Test func everyStringLiteralOfTheScriptEndsOnItsLine() {
        for (number, line) in LiveReloadScript.source.split(separator: "\n").enumerated() {
            var quote: Character?
            var escaped = false
            for character in line {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                }
            }
            #expect(quote == nil, "line \(number + 1) leaves a string open: \(line)")
        }
    }
}
