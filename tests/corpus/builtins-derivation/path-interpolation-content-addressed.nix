[ ("${./data.txt}" == "${./data-copy/data.txt}") ]
