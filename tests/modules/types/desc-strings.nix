let lib = import ../../../lib; in
with lib.types;
builtins.mapAttrs (_: t: t.description) {
  inherit nonEmptyStr singleLineStr lines commas envVar;
  sepEmpty = separatedString "";
  sepSemi = separatedString ";";
  sepTab = separatedString "\t";
  matching = strMatching "[a-z]+";
  passwd = passwdEntry str;
}
