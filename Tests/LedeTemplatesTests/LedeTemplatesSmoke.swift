import Testing

@testable import LedeTemplates
