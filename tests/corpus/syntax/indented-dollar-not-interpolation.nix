''
  $HOME and $ alone and $$
''
