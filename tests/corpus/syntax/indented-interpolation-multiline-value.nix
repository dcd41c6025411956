let v = "l1\nl2"; in ''
    start
      ${v}
    end
''
