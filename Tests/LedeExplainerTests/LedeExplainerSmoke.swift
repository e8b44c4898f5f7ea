import Testing

@testable import LedeExplainer
