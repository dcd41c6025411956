let lib = import ../../../lib; in
lib.importJSON ./data/sample.json
