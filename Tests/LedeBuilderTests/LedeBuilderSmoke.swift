import Testing

@testable import LedeBuilder
