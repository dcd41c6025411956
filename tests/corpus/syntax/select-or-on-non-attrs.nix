[ ([ ].a or "list") ((1).a or "int") ]
