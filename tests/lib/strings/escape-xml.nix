let lib = import ../../../lib; in
[ (lib.escapeXML "<a href=\"x\">Tom & Jerry's</a>") (lib.escapeXML "") (lib.escapeXML "plain") ]
