throw "value: ${toString 42}"
