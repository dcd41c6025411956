''
  indented at eof''