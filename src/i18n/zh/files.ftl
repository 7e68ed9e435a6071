# 关于文件本身的检查结果：编码、字段区、TOML 写法、文件放的位置。

## invalid-utf8
utf8-not = 这个文件不是 UTF-8 编码的文本
utf8-not-label = 从这里开始不是 UTF-8
utf8-not-help = 用编辑器把文件重新保存为 UTF-8 编码（编辑器里一般叫“UTF-8”或“Unicode (UTF-8)”）
utf8-gbk = 这个文件是用 GBK（GB18030）编码保存的，不是 UTF-8
utf8-gbk-label = 第一个中文字（按 GBK 读出）
utf8-gbk-help = 用记事本打开这个文件，点“文件”→“另存为”，把“编码”选成“UTF-8”，再保存（Notepad++：“编码”→“转为 UTF-8 编码”）

## front-matter-missing
fm-not-opened = 记录的第一行不是 `+++`
fm-not-opened-label = 这里应当是 `+++`
fm-not-opened-help = 文件第一行写 `+++`，接着写字段，再写一行 `+++`，然后才是正文
fm-yaml-help = council 读的是写在两行 `+++` 之间的 TOML 字段，不认 `---` 之间的 YAML：把两行 `---` 都改成 `+++`，字段按 TOML 写（`字段名 = "值"`）
fm-not-closed = 从这里开始的字段区没有结束
fm-not-closed-help = 在最后一个字段之后、正文之前，加一行只写 `+++`
fm-opened-label = 从这里开始
fm-open-near = 第一行必须正好是 `+++`，现在写的是 `{ $written }`
fm-close-near = 字段区结尾的这一行必须正好是 `+++`，现在写的是 `{ $written }`
fm-indented = `+++` 这一行前面有空格
fm-near-label = 差一点就对了
fm-near-help = 这一行只写 `+++`：三个半角（英文）加号，前面不留空格（现在是 `{ $written }`）
fm-open-late = 字段区从第 { $line } 行才开始：`+++` 必须写在文件的第一行
fm-open-late-help = 删掉 `+++` 上面的 { $above } 个空行

## toml-syntax
toml-invalid = TOML 写法有误（{ $detail }）
toml-here-label = 这里
toml-duplicate-help = 每个字段只能写一次：删掉重复的那一行，或者改成别的字段名
toml-date-help = 日期写成“年-月-日”，月和日都写两位，例如 `2022-04-02`
toml-array-help = 列表写在方括号里，各项之间用英文逗号隔开：`["a", "b"]`
toml-generic-help = 改正这里的写法：文字要加英文双引号，日期和数字不加
toml-date-written = 日期 `{ $value }` 的写法不对
toml-date-written-label = 这样写工具读不出日期
toml-date-written-help = 日期写成“年-月-日”，月和日都写两位，不加引号：`{ $fixed }`
toml-wide = 这一行用了全角（中文）标点，TOML 只认半角（英文）标点：{ $chars }
toml-wide-label = 全角标点
toml-wide-help = 把输入法切换到英文标点，把这一行改成：`{ $fixed }`
toml-unquoted = 文字没有加引号
toml-unquoted-label = 文字要加英文双引号
toml-unquoted-code-help = `{ $word }` 要写成规定的代码，加英文双引号：`{ $fixed }`
toml-unquoted-help = 给文字加上英文双引号：`{ $fixed }`

## misplaced-file
misplaced-record = `{ $inner }` 不是议事会存放记录的地方
misplaced-record-help = 把它移到所属议事会的 `proposals/`、`meetings/`、`reports/` 或 `feedback/` 文件夹里，直接放在这个文件夹下（附件放在 `files/` 里，不用 `.md`）
misplaced-record-move-help = 把它移到 `{ $path }`
not-a-record-extension = `{ $name }` 不会被读取：记录的文件名要以 `.md` 结尾
not-a-record-extension-help = 把文件改名为 `{ $right }`
not-a-record-document = `{ $name }` 是文字处理软件的文档：council 只读 `.md` 纯文本文件
not-a-record-document-help = 把记录的内容复制到一个名为 `{ $right }` 的纯文本文件里（用纯文本编辑器写，不要用 Word 或 WPS）
not-a-record-attachment = `{ $name }` 不是记录：存放记录的文件夹里只能放 `.md` 文件
not-a-record-attachment-help = 附件（照片、扫描件、PDF 文件）请放到议事会的 `files/` 文件夹里
outside-council = 这份记录不在任何议事会的文件夹里
outside-council-help = 议事会就是一个放着 council.toml 的文件夹：把记录移到所属议事会的 `proposals/`、`meetings/`、`reports/` 或 `feedback/` 里
nested-council = 议事会 `{ $outer }` 里面又有一个议事会
nested-council-help = 议事会不能套着放：把这个文件夹移出来，和另一个议事会并列，放在社区的文件夹下
council-at-top = council.toml 直接放在了 `councils/` 下
council-at-top-help = 每个议事会要有自己的文件夹，例如 `councils/huangtai/grid-03/council.toml`
area-in-council = area.toml 放在了议事会 `{ $council }` 里
area-in-council-help = 社区（或街道）的文件夹里放议事会，不能反过来：把 area.toml 移到议事会文件夹的上一层
stray-toml = council 不读 `{ $name }` 这个文件
stray-toml-meant-help = 是不是想写 `{ $code }`？这里 council 只读 council.toml 和 area.toml
stray-toml-help = 在 councils/ 里，council 只读 council.toml 和 area.toml：把这个文件改名或删掉
orphan-translation = 译文找不到它的原记录 `{ $record }`
orphan-translation-help = 译文要放在原记录旁边：补上 `{ $record }`，或者把这个文件改名，和原记录对应
symlink-folder = 没有读取这个快捷方式（符号链接）：它指向一个文件夹
symlink-outside = 没有读取这个快捷方式（符号链接）：它指向网站以外的地方
symlink-help = 把文件复制到网站文件夹里，不要用快捷方式；council 从不读取网站以外的文件
unreadable = 打不开这个文件：{ $why }
unreadable-help = 检查这个文件是否存在、你有没有权限打开它
route-taken = 它会发布到 `{ $address }`，这个地址已被占用：{ $by }
route-taken-help = 给这个文件或文件夹改个名字，或者把它移到自己的文件夹里，例如 `content/about/`；council 自动生成的页面地址不变
route-by-generated = council 自动生成的页面或文件
route-by-theme = 主题的静态文件
route-by-source = `{ $other }`
route-by-file-folder = 作为文件发布的 `{ $other }`（这里需要的是文件夹）
not-published = 网站不发布 `{ $name }` 这种类型的文件
not-published-help = 附件只能是 { $allowed }；文档请另存为 PDF（Word 或 WPS：另存为 PDF），再链接 PDF
wrong-content = 这个文件的名字表明它是{ $kind }，但内容不是
wrong-content-help = 用生成它的程序重新保存一次，或者按它实际的类型改名
kind-pdf = PDF 文档
kind-png = PNG 图片
kind-jpeg = JPEG 图片
kind-gif = GIF 图片
kind-webp = WebP 图片
kind-svg = SVG 图片
kind-text = 文本文件
not-svg = 这张 SVG 图片不能发布：{ $why }
not-svg-label = 在这里
not-svg-help = 把图重新导出为普通的 SVG，或者导出为 PNG
svg-not-xml = 它不是格式正确的 XML（{ $detail }）
svg-not-svg-root = 它的根元素不是 SVG 的 `<svg>` 元素
svg-too-deep = 它的元素嵌套超过 { $depth } 层
too-large = 这个文件有 { $size }；council 在这里最多读取 { $limit } 的文件
too-large-help = 记录里只放记录本身的文字：把它拆开，或者把长的附件做成 PDF 放在 `files/` 里
not-regular = 读不了这个文件：它不是普通文件
invalid-utf8-name = 这个文件或文件夹的名字不是 UTF-8 编码，无法作为网址发布
invalid-utf8-name-help = 请用 UTF-8 编码的名字重新命名（字母、数字和 `-` 最稳妥），再按新名字链接
