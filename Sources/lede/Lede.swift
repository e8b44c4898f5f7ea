import ArgumentParser
import LedeCLI

@main extension LedeCommand {}
