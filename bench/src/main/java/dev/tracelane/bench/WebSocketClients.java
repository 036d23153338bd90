package dev.tracelane.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Client WebSockets for the live bench, all on one Netty event loop group of two threads. The JDK's client spent
 * about a core of this 2-core machine on its own bookkeeping at full load, a core the service under test then
 * lacked; here frames arrive as bytes, and a watcher reads the one timestamp it needs without decoding the rest.
 */
final class WebSocketClients implements AutoCloseable {
    private static final int MAX_FRAME = 64 << 20;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    /** What a socket hears. Called on its event loop: keep it short. */
    interface Listener {
        void onText(Channel channel, ByteBuf content);

        /** @param code the server's close code, or -1 when the connection failed or dropped without one */
        default void onClose(int code) {
        }
    }

    /** Connects and completes once the WebSocket handshake has. */
    CompletableFuture<Channel> open(URI uri, Listener listener) {
        CompletableFuture<Channel> opened = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                .maxFramePayloadLength(MAX_FRAME).handleCloseFrames(false).build();
        new Bootstrap().group(group).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                                new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
                                new Frames(listener, opened));
                    }
                })
                .connect(uri.getHost(), uri.getPort()).addListener(connected -> {
                    if (!connected.isSuccess()) {
                        opened.completeExceptionally(connected.cause());
                    }
                });
        return opened;
    }

    @Override
    public void close() {
        group.shutdownGracefully();
    }

    private static final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final Listener listener;
        private final CompletableFuture<Channel> opened;
        private boolean closed;

        Frames(Listener listener, CompletableFuture<Channel> opened) {
            this.listener = listener;
            this.opened = opened;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened.complete(ctx.channel());
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame) {
                listener.onText(ctx.channel(), frame.content());
            } else if (frame instanceof CloseWebSocketFrame close) {
                closed(close.statusCode());
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            opened.completeExceptionally(new IllegalStateException("connection closed during the handshake"));
            closed(-1);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            opened.completeExceptionally(cause);
            ctx.close();
        }

        private void closed(int code) {
            if (!closed) {
                closed = true;
                listener.onClose(code);
            }
        }
    }
}
