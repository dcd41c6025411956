throw "explicit throw"
