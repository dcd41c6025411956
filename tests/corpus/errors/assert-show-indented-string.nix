let x = "v"; in assert ''
  a ${x}
'' == "no"; 0
