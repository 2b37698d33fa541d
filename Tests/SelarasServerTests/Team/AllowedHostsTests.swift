import SelarasServer
import Testing

@Suite("Team server: allowed hosts")
struct AllowedHostsTests {
  @Test("localhost, address literals, the bound address and the names given are answered, with any port; other names are not")
  func allows() {
    let hosts = AllowedHosts.bound(to: "tm.newsroom.lan", names: ["TM.Example.org"])
    for authority in [
      "localhost", "localhost:8080", "127.0.0.1:8080", "10.1.2.3", "[::1]:8080", "[fe80::1]", "::1",
      "tm.newsroom.lan:8080", "tm.example.org", "TM.NEWSROOM.LAN",
    ] {
      #expect(hosts.allows(authority: authority), "\(authority)")
    }
    for authority in [
      "evil.example", "evil.example:8080", "tm.newsroom.lan.evil.example", "localhost.evil.example", "127.0.0.1.nip.io",
      "", nil,
    ] {
      #expect(!hosts.allows(authority: authority), "\(authority ?? "nil")")
    }
    #expect(!AllowedHosts().allows(authority: "tm.newsroom.lan"))
  }
}
