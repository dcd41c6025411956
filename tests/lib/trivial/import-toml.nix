let lib = import ../../../lib; in
lib.importTOML ./data/sample.toml
