# Inspecting files and directories at evaluation time.
{ lib }:

rec {
  # pathType :: path -> string
  # "directory", "regular", "symlink" or "unknown"; aborts if the path does not exist.
  # Example: pathType ./. => "directory"
  pathType = path:
    if !(builtins.pathExists path) then
      abort "lib.filesystem.pathType: Path ${toString path} does not exist."
    else if dirOf path == path then "directory"
    else (builtins.readDir (dirOf path)).${baseNameOf path};

  # pathIsDirectory :: path -> bool
  # Whether the path exists and is a directory.
  # Example: pathIsDirectory ./. => true
  pathIsDirectory = path: builtins.pathExists path && pathType path == "directory";

  # pathIsRegularFile :: path -> bool
  # Whether the path exists and is a regular file.
  pathIsRegularFile = path: builtins.pathExists path && pathType path == "regular";

  # listFilesRecursive :: path -> [path]
  # Every non-directory below a directory, recursively.
  # Example: listFilesRecursive ./conf
  listFilesRecursive = dir:
    lib.lists.flatten (lib.attrsets.mapAttrsToList
      (name: type:
        if type == "directory" then listFilesRecursive (dir + "/${name}")
        else dir + "/${name}")
      (builtins.readDir dir));
}
