''
	tab indented
	second
''
