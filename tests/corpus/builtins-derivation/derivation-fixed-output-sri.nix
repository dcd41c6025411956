let d = derivation { name = "fixedsri"; system = "s"; builder = "/b"; outputHash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="; }; in d.outPath
