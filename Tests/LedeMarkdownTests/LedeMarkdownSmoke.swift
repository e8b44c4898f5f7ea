import Testing

@testable import LedeMarkdown
