import Dispatch
import Foundation
import Synchronization

/// Says on stderr what a long step is doing once it has run for two seconds, then every five
/// seconds, and how long it took when it ends: a 50 MB alignment should not look hung.
final class ProgressNotice {
  private let timer: any DispatchSourceTimer
  private let started = Date()
  private let spoke = Spoke()
  private let what: String

  /// Starts watching a step described by `what` ("aligning a.en.txt with a.id.txt").
  init(_ what: String, after delay: Double = 2, every interval: Double = 5) {
    self.what = what
    timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + delay, repeating: interval)
    let started = self.started
    timer.setEventHandler { [spoke] in
      spoke.value.store(true, ordering: .relaxed)
      printError("\(what): \(Int(Date().timeIntervalSince(started))) s…")
    }
    timer.resume()
  }

  /// Stops the notices; says how long the step took when it said anything before.
  func finish() {
    timer.cancel()
    if spoke.value.load(ordering: .relaxed) {
      printError("\(what): done in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
  }

  /// Whether a notice was printed, shared with the timer's handler.
  private final class Spoke: Sendable {
    let value = Atomic<Bool>(false)
  }
}
