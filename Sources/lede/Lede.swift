import LedeCLI

@main extension LedeCommand {}
