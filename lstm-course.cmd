@echo off
rem lstm-course: the course's command line on Windows (see the bash script `lstm-course` beside this file).
rem Builds the command in Release (quick when nothing changed), then runs it with the arguments as given.
setlocal
set "root=%~dp0"
echo lstm-course: building the course's command (Release; about 40 s the first time)... 1>&2
dotnet build "%root%lib\LstmCourse.Runner\LstmCourse.Runner.csproj" -c Release -nologo -v q -clp:NoSummary 1>&2 || exit /b 1
dotnet "%root%lib\LstmCourse.Runner\bin\Release\net10.0\lstm-course.dll" %*
