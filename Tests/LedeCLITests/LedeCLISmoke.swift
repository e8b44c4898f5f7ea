import Testing

@testable import LedeCLI
