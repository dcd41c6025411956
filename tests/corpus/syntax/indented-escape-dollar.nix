''
  cost: ''${price}
''
