import ArgumentParser

/// `--json`: the result as one JSON document on standard output instead of lines.
struct JSONOption: ParsableArguments {
  @Flag(help: "Print JSON (the shape is in the command's help).")
  var json = false
}
