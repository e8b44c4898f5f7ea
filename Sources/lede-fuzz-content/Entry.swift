import LedeFuzzSupport

/// libFuzzer's entry point: one input, front matter and YAML data files.
/// - Parameters:
///   - data: The input's bytes.
///   - size: How many.
/// - Returns: Always 0 (libFuzzer reserves other values).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    ContentFuzzer.shared.test(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// Fuzzes with libFuzzer in a `make fuzz` build, else replays the files given as arguments.
@main
enum Main {
    static func main() {
        FuzzMain.run(testOneInput)
    }
}
