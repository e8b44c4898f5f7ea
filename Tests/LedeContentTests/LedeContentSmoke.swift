import Testing

@testable import LedeContent
