import Testing

@testable import LedePreview
