let lib = import ../../../lib; in
lib.generators.toGitINI {
  user = { name = "Jane \"J\" Doe"; email = "jane@example.org"; };
  core.editor = "vim";
  url."git@github.com:".insteadOf = "https://github.com/";
  "remote \"origin\"".url = "x";
  alias = { lg = "log --graph\t--oneline"; };
  credential.helper = [ "cache" "store" ];
  color.ui = true;
  branch.main.remote = "origin";
  http.postBuffer = 524288000;
}
